// The port the suite serves dist/ on: not 8080, so a running ./scripts/serve
// does not collide; UNFURL_E2E_PORT moves it beside another run of the suite.
export const PORT = Number(process.env.UNFURL_E2E_PORT || 8181);
