// What a browser or a damaged database hands the account code: Cookie headers, session cookie
// values, login names and stored password hashes. Properties: never crashes and never spends
// unbounded memory; a cookie value decodes to exactly 32 bytes or nothing; a name that passes
// normalizes to itself; a stored hash that parses formats back to the same text.
#include "services/accountservice.h"
#include "services/passwordhash.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace chamber::services;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QByteArray cookie = AccountService::cookieFromHeader(bytes);
    const QByteArray token = AccountService::decodeCookieValue(cookie);
    if (!token.isEmpty() && token.size() != AccountService::kTokenBytes)
        std::abort();
    const QString text = QString::fromUtf8(bytes);
    if (const auto name = AccountService::normalizeName(text)) {
        const auto again = AccountService::normalizeName(name.value());
        if (!again || again.value() != name.value())
            std::abort();
    }
    if (const auto stored = parseStoredHash(text)) {
        if (stored->salt.size() != kSaltBytes || stored->key.size() != kKeyBytes
            || 128 * stored->parameters.n * stored->parameters.r > kMaxScryptMemory)
            std::abort();
        const QString formatted = hashPasswordWithSalt(QString(), stored->salt,
            ScryptParameters {std::min<quint64>(stored->parameters.n, 16), 1, 1});
        if (formatted.isEmpty() || !parseStoredHash(formatted))
            std::abort();
    }
    return 0;
}
