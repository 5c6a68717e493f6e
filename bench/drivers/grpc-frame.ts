// The gRPC wire framing (a 5-byte prefix: compressed flag + big-endian length) around a protobuf message, both ways.
export function grpcFrame(message: Uint8Array): Buffer {
  const frame = Buffer.allocUnsafe(5 + message.length);
  frame.writeUInt8(0, 0);
  frame.writeUInt32BE(message.length, 1);
  frame.set(message, 5);
  return frame;
}

/** One Length-Prefixed-Message off the wire. */
export interface GrpcMessage {
  /** the compressed flag: the bytes are in the stream's grpc-encoding, which we never ask for */
  compressed: boolean;
  bytes: Buffer;
}

/** Cuts a response body that arrives in arbitrary chunks into its Length-Prefixed-Messages. */
export class GrpcMessageReader {
  private pending: Buffer = Buffer.alloc(0);

  /** The messages completed by `chunk` (none while a message is still incomplete). */
  push(chunk: Buffer): GrpcMessage[] {
    let buffer = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const messages: GrpcMessage[] = [];
    while (buffer.length >= 5) {
      const length = buffer.readUInt32BE(1);
      if (buffer.length < 5 + length) break;
      messages.push({ compressed: buffer[0] !== 0, bytes: buffer.subarray(5, 5 + length) });
      buffer = buffer.subarray(5 + length);
    }
    this.pending = buffer;
    return messages;
  }

  /** bytes of a message not yet complete (a body that ends with some left is truncated) */
  get leftover(): number {
    return this.pending.length;
  }
}
