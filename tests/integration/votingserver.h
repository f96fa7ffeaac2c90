// The real chamberd with the demo meeting and devices enrolled in it the way kiosks are, for the
// tests of voting and of the room's devices together (test_voting, test_room).
#pragma once

#include "restcall.h"
#include "serverprocess.h"
#include "wsclient.h"

#include <QJsonObject>
#include <QString>

#include <map>
#include <memory>
#include <optional>

namespace chamber::testing {

struct Device
{
    std::unique_ptr<WsClient> ws;
    QString credential;
    qint64 delegate = 0;
};

QString text(const QJsonObject &object, const char *field);
// "ok", or the error's code.
QString codeOf(const QJsonObject &reply);

// The demo meeting's devices: tablets of delegates 1 to 6 (1 to 5 checked in), the chair
// console and the tally screen, each connected and subscribed.
struct Room
{
    std::map<qint64, Device> seats;
    Device chair;
    Device tally;
};

class VotingServer
{
public:
    ServerProcess process;

    // Starts chamberd with the demo meeting and enrolls the room; nullopt when a step failed.
    std::optional<Room> startWithRoom();

    // The admin's REST call under /api/v1.
    RestResponse call(const QByteArray &method, const QString &path, const QByteArray &body = {});
    // A device of meeting 1 enrolled with a join code, connected and subscribed.
    Device join(const QString &role, qint64 delegate = 0);
    std::unique_ptr<WsClient> connect(const QString &credential);
    // A poll of meeting 1 created (simple majority unless `fields` says) and opened.
    qint64 openPoll(QJsonObject fields);
    // Closes it; its closing as the REST view shows it.
    QJsonObject closePoll(qint64 poll);
};

} // namespace chamber::testing
