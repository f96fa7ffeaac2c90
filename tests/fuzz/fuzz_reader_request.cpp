// What a phone sends the reader, and what its QR code holds: reader links, the bearer header,
// request paths with their query. The input's first byte picks which (so one corpus covers
// all three); the rest is the text. Properties: never crashes; refusals say why; a parsed link
// formats back to the same link; a parsed request names only a valid SHA-256, a page from 1
// and a width on the rendering steps; a token is 32 base64url characters.
#include "protocol/event.h"
#include "protocol/joinlink.h"
#include "protocol/readerlink.h"

#include <cstdint>
#include <cstdlib>

namespace {

using namespace chamber;
using namespace chamber::protocol;

template<typename T>
void checkRefusal(const Result<T> &result)
{
    if (!result && result.error().message.isEmpty())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const QString text = QString::fromUtf8(bytes);
    switch (data[0] % 3) {
    case 0: {
        auto link = parseReaderLink(text);
        checkRefusal(link);
        if (link) {
            auto again = parseReaderLink(link->toString());
            if (!again || again->host != link->host || again->port != link->port
                || again->token != link->token)
                std::abort();
        }
        break;
    }
    case 1: {
        auto token = readerTokenFromHeader(bytes);
        checkRefusal(token);
        if (token && (token->size() != kReaderTokenLength || !isBase64Url(token.value())))
            std::abort();
        break;
    }
    default: {
        const qsizetype question = text.indexOf(u'?');
        auto request = parseReaderRequest(
            text.left(question), question < 0 ? QString() : text.mid(question + 1));
        checkRefusal(request);
        if (!request)
            break;
        using Kind = ReaderRequest::Kind;
        if ((request->kind == Kind::Document || request->kind == Kind::PageImage)
            && !isSha256Hex(request->sha256))
            std::abort();
        if (request->kind == Kind::PageImage
            && (request->page < 1 || request->width < kMinPageWidth
                || request->width > kMaxPageWidth || request->width % kPageWidthStep != 0))
            std::abort();
        break;
    }
    }
    return 0;
}
