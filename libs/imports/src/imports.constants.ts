/** The web upload limit: about 40,000 template rows, a few minutes of import; larger files go through the CLI. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
