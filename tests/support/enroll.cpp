#include "enroll.h"

#include "protocol/joinlink.h"
#include "restcall.h"
#include "serverprocess.h"
#include "wsclient.h"

#include <QJsonDocument>

namespace chamber::testing {

QString enrollDevice(ServerProcess &server, qint64 meeting, const QString &role, qint64 delegate)
{
    QJsonObject body {{QStringLiteral("role"), role}};
    if (delegate)
        body.insert(QStringLiteral("delegate"), delegate);
    const RestResponse code = restCall("POST",
        server.baseUrl() + QStringLiteral("/api/v1/meetings/%1/join-codes").arg(meeting),
        server.pin(), server.adminToken(), QJsonDocument(body).toJson());
    const auto link = protocol::parseJoinLink(code.json().value(QLatin1String("url")).toString());
    if (!link) {
        qWarning("no join code: %s", code.body.constData());
        return {};
    }
    WsClient enroller(server.pin());
    if (!enroller.open(server.wsUrl()))
        return {};
    const QJsonObject enrolled
        = enroller.request({{QStringLiteral("type"), QStringLiteral("enroll")},
            {QStringLiteral("token"), link->token}});
    return enrolled.value(QLatin1String("result"))
        .toObject()
        .value(QLatin1String("credential"))
        .toString();
}

} // namespace chamber::testing
