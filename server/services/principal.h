// Who is asking: decided from the credential presented at hello or in the Authorization
// header, never from a field of the request.
#pragma once

#include <QString>

namespace chamber::services {

struct Principal
{
    enum class Kind { Admin };
    Kind kind = Kind::Admin;
    // Stable identifier: the actor in the event log and the scope of request ids.
    QString id;

    static Principal admin() { return Principal {Kind::Admin, QStringLiteral("admin")}; }
    bool isAdmin() const { return kind == Kind::Admin; }
};

} // namespace chamber::services
