import FlyingFox
import Foundation

/// Sends a message to every open live-reload WebSocket.
actor ReloadBroadcaster {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    /// A stream of messages for a new client; it ends when the client goes away.
    func subscribe() -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: WSMessage.self)
        clients[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        return stream
    }

    /// Sends `{"type": type, "text": text}` to every client.
    func send(type: String, text: String = "") {
        let payload =
            (try? JSONSerialization.data(withJSONObject: ["type": type, "text": text], options: [.sortedKeys]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        for continuation in clients.values {
            continuation.yield(.text(payload))
        }
    }

    /// How many clients are connected.
    var count: Int { clients.count }

    private func remove(_ id: UUID) {
        clients[id] = nil
    }
}

/// Hands each WebSocket client its stream of reload messages; what the client sends is ignored.
struct ReloadSocketHandler: WSMessageHandler {
    let broadcaster: ReloadBroadcaster

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let messages = await broadcaster.subscribe()
        Task {
            for await _ in client {}
        }
        return messages
    }
}
