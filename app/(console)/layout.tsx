// The provider console shares the portal's shell, but not its loading boundary: its pages decide
// who may see them before anything is sent, so that everyone else gets a real 404.
export { default } from "../(portal)/layout";
