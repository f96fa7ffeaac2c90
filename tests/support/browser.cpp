#include "browser.h"

#include "childprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <QTimer>

namespace chamber::testing {

Browser::Browser() = default;

Browser::~Browser()
{
    stop();
}

QString Browser::executable()
{
    const QString configured = qEnvironmentVariable("CHAMBER_CHROMIUM");
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::findExecutable(QStringLiteral("chromium"));
}

bool Browser::start(const QStringList &extraArguments, int timeoutMs)
{
    const QString program = executable();
    if (program.isEmpty()) {
        m_why = QStringLiteral("chromium is not installed (Debian package `chromium`; "
                               "scripts/test.sh installs it)");
        return false;
    }
    if (!m_profile.isValid()) {
        m_why = QStringLiteral("no temporary directory for the browser profile");
        return false;
    }
    QStringList arguments {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
        QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"),
        QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"),
        QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"),
        QStringLiteral("--user-data-dir=") + m_profile.path(),
        QStringLiteral("--remote-debugging-address=127.0.0.1"),
        QStringLiteral("--remote-debugging-port=0")};
    arguments += extraArguments;
    arguments += QStringLiteral("about:blank");
    chamber::testing::dieWithTest(m_process);
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_why = QStringLiteral("chromium did not start: ") + m_process.errorString();
        return false;
    }
    // Chromium writes the port it got (and the browser target's path) once it listens.
    const QString portFile = m_profile.filePath(QStringLiteral("DevToolsActivePort"));
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QFile file(portFile);
        if (file.open(QIODevice::ReadOnly)) {
            bool ok = false;
            const quint16 port = file.readLine().trimmed().toUShort(&ok);
            if (ok && port > 0) {
                m_port = port;
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning) {
            m_why = QStringLiteral("chromium exited: ")
                + QString::fromLocal8Bit(m_process.readAll().right(2000));
            return false;
        }
        QTest::qWait(50);
    }
    m_why = QStringLiteral("chromium wrote no DevToolsActivePort within %1 ms").arg(timeoutMs);
    return false;
}

void Browser::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString Browser::pageWebSocketUrl(int timeoutMs) const
{
    QNetworkAccessManager network;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/json/list").arg(m_port)));
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(deadline.remainingTime(), &loop, &QEventLoop::quit);
        loop.exec();
        const QJsonArray targets = QJsonDocument::fromJson(reply->readAll()).array();
        reply->deleteLater();
        for (const QJsonValue &target : targets) {
            if (target.toObject().value(QLatin1String("type")).toString() == QLatin1String("page"))
                return target.toObject().value(QLatin1String("webSocketDebuggerUrl")).toString();
        }
        QTest::qWait(100);
    }
    return {};
}

bool CdpClient::open(const QString &webSocketUrl, int timeoutMs)
{
    QObject::connect(
        &m_socket, &QWebSocket::textMessageReceived, &m_socket, [this](const QString &text) {
            m_received.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
    m_socket.open(QUrl(webSocketUrl));
    QDeadlineTimer deadline(timeoutMs);
    while (m_socket.state() != QAbstractSocket::ConnectedState && !deadline.hasExpired())
        QTest::qWait(20);
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return false;
    // Events the helpers wait for or report.
    for (const char *domain : {"Page.enable", "Runtime.enable"}) {
        QString error;
        call(QString::fromLatin1(domain), {}, 10000, &error);
        if (!error.isEmpty())
            return false;
    }
    return true;
}

QJsonObject CdpClient::call(
    const QString &method, const QJsonObject &params, int timeoutMs, QString *error)
{
    const int id = m_nextId++;
    m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(
        QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("method"), method},
            {QStringLiteral("params"), params}}).toJson(QJsonDocument::Compact)));
    QDeadlineTimer deadline(timeoutMs);
    qsizetype scanned = 0;
    while (!deadline.hasExpired()) {
        for (; scanned < m_received.size(); ++scanned) {
            const QJsonObject message = m_received.at(scanned);
            if (message.value(QLatin1String("id")).toInt() != id)
                continue;
            m_received.removeAt(scanned); // answers are not events; keep the list small
            if (message.contains(QLatin1String("error"))) {
                if (error)
                    *error = message.value(QLatin1String("error"))
                                 .toObject()
                                 .value(QLatin1String("message"))
                                 .toString();
                return {};
            }
            if (error)
                error->clear();
            return message.value(QLatin1String("result")).toObject();
        }
        QTest::qWait(10);
    }
    if (error)
        *error = QStringLiteral("%1: no answer within %2 ms").arg(method).arg(timeoutMs);
    return {};
}

QJsonValue CdpClient::evaluate(const QString &expression, int timeoutMs, QString *error)
{
    QString why;
    const QJsonObject result = call(QStringLiteral("Runtime.evaluate"),
        {{QStringLiteral("expression"), expression}, {QStringLiteral("returnByValue"), true},
            {QStringLiteral("awaitPromise"), true}, {QStringLiteral("timeout"), timeoutMs}},
        timeoutMs + 1000, &why);
    if (!why.isEmpty() || result.contains(QLatin1String("exceptionDetails"))) {
        if (error) {
            const QJsonObject details = result.value(QLatin1String("exceptionDetails")).toObject();
            *error = why.isEmpty() ? details.value(QLatin1String("exception"))
                                         .toObject()
                                         .value(QLatin1String("description"))
                                         .toString(details.value(QLatin1String("text")).toString())
                                   : why;
        }
        return QJsonValue::Undefined;
    }
    if (error)
        error->clear();
    return result.value(QLatin1String("result")).toObject().value(QLatin1String("value"));
}

bool CdpClient::waitFor(const QString &condition, int timeoutMs, QString *last)
{
    QDeadlineTimer deadline(timeoutMs);
    QString lastSeen;
    do {
        QString error;
        const QJsonValue value = evaluate(condition, 5000, &error);
        if (value.toBool())
            return true;
        lastSeen = error.isEmpty()
            ? QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
            : error;
        QTest::qWait(100);
    } while (!deadline.hasExpired());
    if (last)
        *last = lastSeen;
    return false;
}

bool CdpClient::waitForOrReport(const QString &condition, int timeoutMs)
{
    QString last;
    if (waitFor(condition, timeoutMs, &last))
        return true;
    qWarning("not true: %s (last: %s)\nconsole:\n%s", qPrintable(condition), qPrintable(last),
        qPrintable(consoleText()));
    return false;
}

QString CdpClient::textOf(const QString &selector)
{
    return evaluate(QStringLiteral("(document.querySelector(%1) || {}).textContent || ''")
                        .arg(jsString(selector)))
        .toString();
}

bool CdpClient::click(const QString &selector)
{
    return evaluate(
        QStringLiteral("(e => e ? (e.click(), true) : false)(document.querySelector(%1))")
            .arg(jsString(selector)))
        .toBool();
}

QString jsString(const QString &text)
{
    // A one-element JSON array is valid JavaScript; its element is the string literal.
    return QString::fromUtf8(QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact))
        .mid(1)
        .chopped(1);
}

int injectedImageTraces(CdpClient &page)
{
    return page.evaluate(QStringLiteral("document.querySelectorAll('img[src=x]').length")).toInt()
        + page.evaluate(QStringLiteral("window.__alerted || 0")).toInt();
}

bool saveOfficeScreenshots(CdpClient &page, const QString &directory, const QString &name)
{
    for (const auto &[width, height] : {std::pair {1366, 768}, std::pair {1920, 1080}}) {
        if (!page.setViewport(width, height))
            return false;
        QTest::qWait(200); // a frame or two for the layout to settle
        const QByteArray png = page.screenshot();
        QFile file(QStringLiteral("%1/%2-%3x%4.png").arg(directory, name).arg(width).arg(height));
        if (png.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(png) != png.size())
            return false;
    }
    return page.setViewport(1366, 768);
}

bool CdpClient::navigate(const QString &url, int timeoutMs)
{
    const qsizetype loadsBefore = events(QStringLiteral("Page.loadEventFired")).size();
    QString error;
    const QJsonObject result
        = call(QStringLiteral("Page.navigate"), {{QStringLiteral("url"), url}}, timeoutMs, &error);
    if (!error.isEmpty() || result.contains(QLatin1String("errorText")))
        return false;
    // Only the fragment changed: the same document stays, no load event comes.
    if (!result.contains(QLatin1String("loaderId")))
        return true;
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (events(QStringLiteral("Page.loadEventFired")).size() > loadsBefore)
            return true;
        QTest::qWait(20);
    }
    return false;
}

bool CdpClient::setViewport(int width, int height, double scale, bool mobile)
{
    QString error;
    call(QStringLiteral("Emulation.setDeviceMetricsOverride"),
        {{QStringLiteral("width"), width}, {QStringLiteral("height"), height},
            {QStringLiteral("deviceScaleFactor"), scale}, {QStringLiteral("mobile"), mobile}},
        10000, &error);
    if (error.isEmpty() && mobile)
        call(QStringLiteral("Emulation.setTouchEmulationEnabled"),
            {{QStringLiteral("enabled"), true}}, 10000, &error);
    return error.isEmpty();
}

QByteArray CdpClient::screenshot()
{
    QString error;
    const QJsonObject result = call(QStringLiteral("Page.captureScreenshot"),
        {{QStringLiteral("format"), QStringLiteral("png")}}, 20000, &error);
    return QByteArray::fromBase64(result.value(QLatin1String("data")).toString().toLatin1());
}

QList<QJsonObject> CdpClient::events(const QString &method) const
{
    QList<QJsonObject> matching;
    for (const QJsonObject &message : m_received) {
        if (message.value(QLatin1String("method")).toString() == method)
            matching.append(message);
    }
    return matching;
}

QString CdpClient::consoleText() const
{
    QStringList lines;
    for (const QJsonObject &message : m_received) {
        const QString method = message.value(QLatin1String("method")).toString();
        const QJsonObject params = message.value(QLatin1String("params")).toObject();
        if (method == QLatin1String("Runtime.consoleAPICalled")) {
            QStringList parts;
            for (const QJsonValue &arg : params.value(QLatin1String("args")).toArray())
                parts.append(arg.toObject().value(QLatin1String("value")).toVariant().toString());
            lines.append(params.value(QLatin1String("type")).toString() + QStringLiteral(": ")
                + parts.join(u' '));
        } else if (method == QLatin1String("Runtime.exceptionThrown")) {
            lines.append(QStringLiteral("exception: ")
                + params.value(QLatin1String("exceptionDetails"))
                      .toObject()
                      .value(QLatin1String("exception"))
                      .toObject()
                      .value(QLatin1String("description"))
                      .toString());
        }
    }
    return lines.join(u'\n');
}

} // namespace chamber::testing
