#include "councilserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace chamber::testing {

QByteArray jsonBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool CouncilServer::setNow(const QDateTime &now)
{
    // Written whole and renamed into place: chamberd never reads half an instant.
    QSaveFile file(m_clockFile);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(now.toUTC().toString(Qt::ISODate).toUtf8() + '\n');
    if (!file.commit())
        return false;
    m_now = now;
    return true;
}

bool CouncilServer::start(const QDateTime &now)
{
    m_clockFile = m_dir.filePath(QStringLiteral("clock"));
    if (!setNow(now))
        return false;
    return process.start({QStringLiteral("--test-clock"), m_clockFile});
}

RestResponse CouncilServer::admin(
    const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return restCall(method, process.baseUrl() + path, process.pin(), process.adminToken(),
        body.isEmpty() ? QByteArray() : jsonBytes(body));
}

RestResponse CouncilServer::asDevice(const QByteArray &credential, const QByteArray &method,
    const QString &path, const QByteArray &body)
{
    return restCall(method, process.baseUrl() + path, process.pin(), credential, body);
}

RestResponse CouncilServer::asAccount(const BrowserSession &session, const QByteArray &method,
    const QString &path, const QByteArray &body)
{
    return asBrowser(process, session, method, path, body);
}

QJsonObject CouncilServer::resultOf(const RestResponse &response)
{
    return response.json().value(QLatin1String("result")).toObject();
}

qint64 CouncilServer::councilSeq(qint64 council)
{
    return admin("GET", QStringLiteral("/api/v1/councils/%1").arg(council))
        .json()
        .value(QLatin1String("seq"))
        .toInteger(-1);
}

} // namespace chamber::testing
