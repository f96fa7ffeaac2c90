// Messages from a Janus server (chamber-media's scale-out). Properties: never crashes; a
// refusal says why and names a field or is a JSON-level refusal; whatever parses as a
// streaming-plugin reply reads without crashing too, and an SDP or candidate it accepted is
// one the bridge signaling accepts.
#include "media/janusmessage.h"
#include "media/signaling.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::media;
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    auto message = parseJanusMessage(input);
    if (!message) {
        if (message.error().message.isEmpty())
            std::abort();
        return 0;
    }
    if (!message->jsepSdp.isEmpty()
        && !parseSignal(toJson(SignalMessage::offer(QStringLiteral("p"), message->jsepSdp))))
        std::abort();
    if (!message->candidate.isEmpty()
        && !parseSignal(toJson(
            SignalMessage::iceCandidate(QStringLiteral("p"), message->mline, message->candidate))))
        std::abort();
    if (!message->plugin.isEmpty()) {
        auto reply = parseStreamingReply(*message);
        if (!reply && reply.error().message.isEmpty())
            std::abort();
    }
    return 0;
}
