// A key and its self-signed X.509 certificate as PEM: the server's TLS identity and the
// minutes signing identity are both made this way, trusted by fingerprint, never through a CA.
#pragma once

#include "protocol/error.h"

#include <QByteArray>
#include <QDateTime>

#include <utility>
#include <vector>

typedef struct evp_pkey_st EVP_PKEY;

namespace chamber::support {

struct SelfSignedSpec
{
    QByteArray commonName; // subject and issuer: O=Chamber, CN=commonName
    QDateTime notBefore;
    QDateTime notAfter;
    std::vector<std::pair<int, QByteArray>> extensions; // OpenSSL NID, value ("critical,CA:FALSE")
};

struct SelfSignedPem
{
    QByteArray key;
    QByteArray certificate;
};

// A certificate for `key` with a random positive 128-bit serial, signed by the key itself
// (SHA-256). Errors name the step that failed.
Result<SelfSignedPem> makeSelfSigned(EVP_PKEY *key, const SelfSignedSpec &spec);

} // namespace chamber::support
