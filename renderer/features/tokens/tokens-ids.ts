/** The "Add New API Token" button's id: where focus goes when nothing nearer is left to focus. */
export const ADD_TOKEN_BUTTON_ID = 'add-token-button';
