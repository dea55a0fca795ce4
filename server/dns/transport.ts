// One DNS exchange over UDP or TCP with a hard deadline, on our own sockets: dns2's UDP client
// silently drops an unparseable reply (so garbage looks like a timeout) and its TCP client has
// no timeout at all. Replies are parsed strictly here; a malformed one fails at once.
import dgram from "node:dgram";
import net from "node:net";
import { MalformedAnswer, parseMessage, type ParsedMessage } from "./wire";
import { resolverLabel, type QueryErrorKind, type Resolver } from "./dns.types";

export class TransportError extends Error {
  constructor(
    readonly kind: QueryErrorKind,
    message: string,
  ) {
    super(message);
  }
}

const remaining = (deadline: number) => Math.max(0, deadline - performance.now());
const timedOut = (r: Resolver, timeoutMs: number, how: string) =>
  new TransportError("timeout", `no answer from ${resolverLabel(r)} over ${how} within ${timeoutMs} ms`);

/** Sends the query over UDP, once more at half time (a lost datagram is common), and resolves with the first valid reply. */
export function exchangeUdp(r: Resolver, query: Buffer, id: number, deadline: number, timeoutMs: number): Promise<ParsedMessage> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(r.host.replace(/%.*$/, "")) ? "udp6" : "udp4");
    const timers: NodeJS.Timeout[] = [];
    let done = false;
    const finish = (error: Error | null, message?: ParsedMessage) => {
      if (done) return;
      done = true;
      timers.forEach(clearTimeout);
      try {
        socket.close();
      } catch {
        /* already closed after a socket error */
      }
      if (error) reject(error);
      else resolve(message!);
    };
    const send = () =>
      socket.send(query, r.port, r.host, (e) => {
        if (e) finish(new TransportError("network", `cannot send to ${resolverLabel(r)}: ${e.message}`));
      });
    socket.on("error", (e) => finish(new TransportError("network", `UDP error talking to ${resolverLabel(r)}: ${e.message}`)));
    socket.on("message", (buf, from) => {
      // Only the resolver's own address and port may answer (RFC 5452 §9.1).
      if (from.port !== r.port || (net.isIP(r.host) && from.address !== r.host.replace(/%.*$/, ""))) return;
      let message: ParsedMessage;
      try {
        message = parseMessage(buf);
      } catch (e) {
        return finish(e instanceof MalformedAnswer ? e : new MalformedAnswer(String(e)));
      }
      if (message.id !== id) return; // a late reply to an earlier query on a reused port
      finish(null, message);
    });
    const left = remaining(deadline);
    timers.push(setTimeout(() => finish(timedOut(r, timeoutMs, "UDP")), left));
    timers.push(setTimeout(() => !done && send(), left / 2));
    send();
  });
}

/** One length-prefixed query over a fresh TCP connection (RFC 1035 §4.2.2, RFC 7766). */
export function exchangeTcp(r: Resolver, query: Buffer, id: number, deadline: number, timeoutMs: number): Promise<ParsedMessage> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: r.host, port: r.port, noDelay: true });
    let buffered = Buffer.alloc(0);
    let done = false;
    const finish = (error: Error | null, message?: ParsedMessage) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(message!);
    };
    const timer = setTimeout(() => finish(timedOut(r, timeoutMs, "TCP")), remaining(deadline));
    const length = Buffer.alloc(2);
    length.writeUInt16BE(query.length);
    socket.on("connect", () => socket.write(Buffer.concat([length, query])));
    socket.on("error", (e) => finish(new TransportError("network", `cannot query ${resolverLabel(r)} over TCP: ${e.message}`)));
    socket.on("data", (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2) return;
      const size = buffered.readUInt16BE(0);
      if (buffered.length < 2 + size) return;
      try {
        const message = parseMessage(buffered.subarray(2, 2 + size));
        if (message.id !== id) throw new MalformedAnswer(`the TCP answer has id ${message.id}, the query had ${id}`);
        finish(null, message);
      } catch (e) {
        finish(e instanceof MalformedAnswer ? e : new MalformedAnswer(String(e)));
      }
    });
    socket.on("end", () => finish(new MalformedAnswer(`${resolverLabel(r)} closed the TCP connection before a whole answer (${buffered.length} bytes)`)));
  });
}
