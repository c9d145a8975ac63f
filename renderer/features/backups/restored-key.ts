// Set by the backup dialog just before it reloads the page after a restore; read by the report list.
export const RESTORED_KEY = 'nianbao.restored';
