// RFC 4616 PLAIN, as POP3 AUTH carries it (RFC 5034): base64 of authzid NUL authcid NUL passwd.
export type SaslPlain = { authzid: string; username: string; password: string };

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The decoded credentials, or null when the response is not base64 or not three NUL-separated parts. */
export function decodeSaslPlain(response: string): SaslPlain | null {
  if (!response || !BASE64.test(response)) return null;
  const parts = Buffer.from(response, "base64").toString("utf8").split("\0");
  if (parts.length !== 3) return null;
  const [authzid = "", username = "", password = ""] = parts;
  if (!username || !password) return null;
  return { authzid, username, password };
}
