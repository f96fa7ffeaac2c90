// The HTTP request head parser of the network edge, on whatever a client sends first. Run with
// the default limits and with small ones (so the limit refusals are reached too). Properties:
// never crashes; a refusal names a status and a reason and takes no bytes; a complete head ends
// in its empty line within the limit, holds only what the parser promises (lower-case names,
// trimmed values, an origin-form target), and parses again the same from its own bytes alone;
// a shorter prefix of the input either waits for more or gives the same answer.
#include "edge/httphead.h"

#include <cstdint>
#include <cstdlib>

namespace {

using namespace chamber::edge;
using Status = HttpHeadParse::Status;

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool sameAnswer(const HttpHeadParse &a, const HttpHeadParse &b)
{
    return a.status == b.status && a.consumed == b.consumed && a.httpStatus == b.httpStatus
        && a.reason == b.reason && a.head.method == b.head.method && a.head.target == b.head.target
        && a.head.versionMinor == b.head.versionMinor && a.head.headers == b.head.headers
        && a.head.contentLength == b.head.contentLength && a.head.keepAlive == b.head.keepAlive
        && a.head.upgradeWebSocket == b.head.upgradeWebSocket;
}

void checkHead(QByteArrayView input, const HttpHeadParse &parsed, const HttpHeadLimits &limits)
{
    switch (parsed.status) {
    case Status::NeedMore:
        check(parsed.consumed == 0 && input.size() < limits.maxHeadBytes);
        return;
    case Status::Refused: {
        const int s = parsed.httpStatus;
        check(s == 400 || s == 411 || s == 414 || s == 431 || s == 505);
        check(!parsed.reason.isEmpty() && parsed.consumed == 0);
        return;
    }
    case Status::Complete:
        break;
    }
    const HttpHead &head = parsed.head;
    check(parsed.consumed >= 16 && parsed.consumed <= input.size()); // "A / HTTP/1.1\r\n\r\n"
    check(parsed.consumed <= limits.maxHeadBytes);
    check(input.first(parsed.consumed).endsWith("\r\n\r\n"));
    check(!head.method.isEmpty() && head.target.startsWith('/') && !head.target.contains('#'));
    check(head.versionMinor == 0 || head.versionMinor == 1);
    check(head.headers.size() <= limits.maxHeaderCount);
    for (const auto &[name, value] : head.headers) {
        check(!name.isEmpty() && name == name.toLower());
        check(!value.startsWith(' ') && !value.startsWith('\t'));
        check(!value.endsWith(' ') && !value.endsWith('\t'));
        check(!value.contains('\r') && !value.contains('\n') && !value.contains('\0'));
    }
    check(!head.contentLength
        || (*head.contentLength >= 0 && *head.contentLength <= (qint64(1) << 53)));
    check(!head.has("transfer-encoding"));
    // The head's own bytes give the same head; one byte fewer is not a head yet.
    const QByteArrayView own = input.first(parsed.consumed);
    check(sameAnswer(parseHttpHead(own, limits), parsed));
    check(parseHttpHead(own.chopped(1), limits).status == Status::NeedMore);
}

void run(QByteArrayView input, const HttpHeadLimits &limits)
{
    const HttpHeadParse parsed = parseHttpHead(input, limits);
    checkHead(input, parsed, limits);
    // Half of it, as a connection that has read only that much sees it.
    const HttpHeadParse half = parseHttpHead(input.first(input.size() / 2), limits);
    check(half.status == Status::NeedMore || sameAnswer(half, parsed));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    run(input, HttpHeadLimits {});
    run(input, HttpHeadLimits {96, 3});
    return 0;
}
