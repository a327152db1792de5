/** The project's name and version, as sent in the User-Agent header (kept equal to package.json by a test). */
export const PROJECT_NAME = 'registry-actions';
export const PROJECT_VERSION = '0.1.0';
export const USER_AGENT = `${PROJECT_NAME}/${PROJECT_VERSION}`;
