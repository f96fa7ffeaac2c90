// The state and helpers of the council scenario (test_council.cpp): the people, meetings and
// tasks it makes, REST shortcuts, and the check that a refusal wrote nothing.
#pragma once

#include "chamberctlrun.h"
#include "councilserver.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

namespace chamber::testing {

inline const QString kPassword = QStringLiteral("mật khẩu đủ dài 2026");
inline const QDateTime kStart(QDate(2027, 1, 4), QTime(1, 0), Qt::UTC);

inline QString codeOf(const RestResponse &response)
{
    return response.json().value(QLatin1String("code")).toString();
}

inline QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

inline QString instant(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

// The owners' counts of a board by "kind:id".
inline QMap<QString, QJsonObject> ownersOf(const QJsonObject &board)
{
    QMap<QString, QJsonObject> owners;
    for (const QJsonValue &value : board.value(QLatin1String("owners")).toArray()) {
        const QJsonObject owner = value.toObject();
        owners.insert(QStringLiteral("%1:%2")
                          .arg(text(owner, "kind"))
                          .arg(owner.value(QLatin1String("id")).toInteger()),
            owner);
    }
    return owners;
}

// task id → colour, from a board.
inline QMap<qint64, QString> coloursOf(const QJsonObject &board)
{
    QMap<qint64, QString> colours;
    for (const QJsonValue &owner : board.value(QLatin1String("owners")).toArray()) {
        for (const QJsonValue &task : owner.toObject().value(QLatin1String("tasks")).toArray())
            colours.insert(task.toObject().value(QLatin1String("task")).toInteger(),
                text(task.toObject(), "colour"));
    }
    return colours;
}

class CouncilScenario
{
protected:
    CouncilServer m_server;
    qint64 m_council = 0;
    qint64 m_members[3] = {0, 0, 0}; // An (Phó Chủ tịch), Bình, Cường
    qint64 m_finance = 0; // Sở Tài chính: the liaison's organisation
    qint64 m_economy = 0; // Ban Kinh tế - Ngân sách
    qint64 m_meeting1 = 0;
    qint64 m_meeting2 = 0;
    QMap<qint64, qint64> m_delegateOf; // meeting 1: member → delegate
    qint64 m_conclusion = 0;
    qint64 m_financeTask = 0; // due in 30 days: will turn amber, then red
    qint64 m_memberTask = 0; // An's, due in 10 days: done by An's tablet
    qint64 m_economyTask = 0; // due in 35 days: amber at the end
    qint64 m_laterTask = 0; // Bình's, due in 60 days: green throughout
    BrowserSession m_liaison;
    QTemporaryDir m_work;
    QByteArray m_anTablet; // the seat tablet of An's delegate in meeting 1
    QByteArray m_binhTablet;

    CtlRun ctl(const QStringList &arguments)
    {
        return runChamberctl(QStringList {QStringLiteral("--data"), m_server.process.dataDir(),
                                 QStringLiteral("--server"), m_server.process.baseUrl()}
            + arguments);
    }
    QString councilPath(const QString &rest = {}) const
    {
        return QStringLiteral("/api/v1/councils/%1").arg(m_council) + rest;
    }
    QString taskPath(qint64 task, const QString &rest = {}) const
    {
        return councilPath(QStringLiteral("/tasks/%1").arg(task)) + rest;
    }
    qint64 created(const RestResponse &response, const char *key)
    {
        if (response.status != 201 && response.status != 200)
            qWarning("refused: %d %s", response.status, response.body.constData());
        return CouncilServer::resultOf(response).value(QLatin1String(key)).toInteger();
    }
    qint64 createTask(const QString &title, const QString &ownerKind, qint64 owner, int days,
        qint64 conclusion = 0)
    {
        QJsonObject body {{QStringLiteral("title"), title},
            {QStringLiteral("ownerKind"), ownerKind}, {QStringLiteral("owner"), owner},
            {QStringLiteral("deadline"), instant(kStart.addDays(days))}};
        if (conclusion) {
            body.insert(QStringLiteral("meeting"), m_meeting1);
            body.insert(QStringLiteral("conclusion"), conclusion);
        }
        return created(m_server.admin("POST", councilPath(QStringLiteral("/tasks")), body), "task");
    }
    QJsonObject board(qint64 meeting)
    {
        const RestResponse response
            = m_server.admin("GET", QStringLiteral("/api/v1/meetings/%1/board").arg(meeting));
        return response.json();
    }
    // A refused request wrote nothing: the council log's head did not move.
    void expectRefused(const RestResponse &response, int status, const QString &code,
        const QString &messagePart, qint64 seqBefore)
    {
        QVERIFY2(response.status == status,
            qPrintable(QStringLiteral("expected %1, got %2 %3")
                           .arg(status)
                           .arg(response.status)
                           .arg(QString::fromUtf8(response.body))));
        if (!code.isEmpty())
            QCOMPARE(codeOf(response), code);
        if (!messagePart.isEmpty())
            QVERIFY2(text(response.json(), "message").contains(messagePart, Qt::CaseInsensitive),
                qPrintable(text(response.json(), "message")));
        QCOMPARE(m_server.councilSeq(m_council), seqBefore);
    }
    QJsonObject status(qint64, const QString &to, const QString &reason = {})
    {
        QJsonObject body {{QStringLiteral("status"), to}};
        if (!reason.isEmpty())
            body.insert(QStringLiteral("reason"), reason);
        return body;
    }
};

} // namespace chamber::testing
