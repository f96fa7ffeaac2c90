// chamberd on a test clock (`--test-clock FILE`) for the council tests: REST as the admin, a
// liaison account or a device, the clock moved by rewriting its file, and the council log's head
// (to show that a refusal wrote nothing).
#pragma once

#include "accounts.h"
#include "restcall.h"
#include "serverprocess.h"

#include <QDateTime>
#include <QJsonObject>
#include <QTemporaryDir>

namespace chamber::testing {

class CouncilServer
{
public:
    // Starts chamberd with its clock at `now`.
    bool start(const QDateTime &now);
    // Moves the server's clock (the file chamberd reads on every call).
    bool setNow(const QDateTime &now);
    QDateTime now() const { return m_now; }

    RestResponse admin(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    RestResponse asDevice(const QByteArray &credential, const QByteArray &method,
        const QString &path, const QByteArray &body = {});
    RestResponse asAccount(const BrowserSession &session, const QByteArray &method,
        const QString &path, const QByteArray &body = {});
    // The "result" of a command's answer.
    static QJsonObject resultOf(const RestResponse &response);
    // The council log's last sequence number (GET /councils/{c}).
    qint64 councilSeq(qint64 council);

    ServerProcess process;

private:
    QTemporaryDir m_dir;
    QString m_clockFile;
    QDateTime m_now;
};

QByteArray jsonBytes(const QJsonObject &object);

} // namespace chamber::testing
