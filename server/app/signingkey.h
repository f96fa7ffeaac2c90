// The key chamberd signs published poll results with (Ed25519), created on first start.
#pragma once

#include "protocol/ed25519.h"

namespace chamber::app {

// Loads <dir>/ed25519.pem or creates it (owner-only). Never overwritten: results signed with it
// must stay verifiable.
Result<protocol::Ed25519Key> loadOrCreateSigningKey(
    const QString &directory, bool *created = nullptr);

} // namespace chamber::app
