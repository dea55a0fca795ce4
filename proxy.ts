import { NextResponse, type NextRequest } from "next/server";
import { REQUEST_PATH_HEADER } from "@/app/_lib/request-path-header";

// A server layout cannot read its own URL; the portal gate needs it to send a signed-out
// visitor back to the exact page after sign-in. The header is set here, for portal paths only.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/console/:path*", "/reseller/:path*", "/ops/:path*", "/mailbox/:path*"] };
