// End-to-end view, REST: what a Node service would really use to call an HTTP/1.1 API — undici with a keep-alive
// Pool, status checked, the body decoded as the arm's wire says (JSON: text, JSON.parse, the canonical JSON mapping
// back into the protobuf-shaped message; protobuf: bytes and the static decode) by drivers/undici-unary-client.ts,
// so the client does the same work as a gRPC stub's decode.
import type { CallDone, Transport } from "./transport.js";
import { UndiciUnaryClient, type UndiciUnaryOptions, type UnaryRequest } from "./undici-unary-client.js";

export type UndiciOptions = UndiciUnaryOptions;

export class UndiciTransport implements Transport {
  readonly driver = "undici";
  readonly protocol = "rest" as const;
  readonly view = "end-to-end" as const;
  readonly connections: number;
  private readonly client: UndiciUnaryClient;
  /** the next request of the spec's rotation */
  private next = 0;

  constructor(private readonly options: UndiciOptions) {
    this.connections = options.connections;
    this.client = new UndiciUnaryClient(options);
  }

  open(): Promise<void> {
    return this.client.open();
  }

  send(_lane: number, done: CallDone): void {
    const { requests } = this.client;
    const index = this.next;
    this.next = index + 1 === requests.length ? 0 : index + 1;
    const check = this.options.spec.check;
    this.client.send(requests[index] as UnaryRequest, done, check !== undefined ? (response) => check(index, response) : undefined);
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
