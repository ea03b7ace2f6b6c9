/** The one HTTP client for providers: `httpRequest` plus the pure classification and redaction helpers. */
export { BROWSER_USER_AGENT, httpRequest, type HttpMethod, type HttpRequest, type HttpResponse } from './client.js';
export { errorForStatus, isRetryableStatus, networkError, parseRetryAfter, plainDetail, redact, redactError, timeoutError } from './classify.js';
export { mayHaveBeenReceived, provenUnreceived, type HttpRetry } from './retry.js';
