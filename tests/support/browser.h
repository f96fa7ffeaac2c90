// Headless Chromium for tests, driven over the DevTools protocol (CDP) with a QWebSocket: no
// npm, no chromedriver. Browser starts the Debian `chromium` with a fresh profile and a
// DevTools port the kernel picks (read back from DevToolsActivePort); CdpClient talks to one
// page: navigate, evaluate (awaiting promises), wait for a condition, screenshot, viewport.
// General on purpose: the video tests will use it to check that a browser decodes frames.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QProcess>
#include <QTemporaryDir>
#include <QWebSocket>

#include <memory>

namespace chamber::testing {

class Browser
{
public:
    Browser();
    ~Browser();

    // The chromium program: $CHAMBER_CHROMIUM, else `chromium` on the PATH; empty if none.
    static QString executable();
    // Starts it (headless, the flags the house rules list, a fresh --user-data-dir) and waits
    // until its DevTools endpoint answers. `extraArguments` come before the start URL.
    bool start(const QStringList &extraArguments = {}, int timeoutMs = 30000);
    void stop();

    quint16 devToolsPort() const { return m_port; }
    // The WebSocket URL of the first page target (webSocketDebuggerUrl of /json/list).
    QString pageWebSocketUrl(int timeoutMs = 10000) const;
    QString errors() const { return m_why; }

private:
    QTemporaryDir m_profile;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_why;
};

class CdpClient
{
public:
    CdpClient() = default;

    bool open(const QString &webSocketUrl, int timeoutMs = 10000);
    // Sends a command and waits for its answer: the `result` object, or an empty object with
    // *error set (the protocol's error message, or a timeout).
    QJsonObject call(const QString &method, const QJsonObject &params = {}, int timeoutMs = 15000,
        QString *error = nullptr);
    // Runtime.evaluate with returnByValue and awaitPromise: the value of `expression`, or
    // undefined with *error set (exception text, or a timeout).
    QJsonValue evaluate(const QString &expression, int timeoutMs = 15000, QString *error = nullptr);
    // Evaluates `condition` every 100 ms until it is true; false after `timeoutMs`, with the
    // last value or error in *last (for the failure message).
    bool waitFor(const QString &condition, int timeoutMs = 15000, QString *last = nullptr);
    // waitFor that, when the condition never comes true, says why in the test's output: the
    // condition, its last value and what the page wrote to its console.
    bool waitForOrReport(const QString &condition, int timeoutMs = 15000);
    // The textContent of the first element matching the CSS `selector` ("" when none does).
    QString textOf(const QString &selector);
    // Clicks the first element matching `selector`; false when none does.
    bool click(const QString &selector);
    // Page.navigate and wait for the load event (none comes when only the fragment changes).
    bool navigate(const QString &url, int timeoutMs = 20000);
    // Emulation.setDeviceMetricsOverride: a phone's viewport.
    bool setViewport(int width, int height, double scale = 1.0, bool mobile = false);
    // Page.captureScreenshot as PNG bytes (empty on failure).
    QByteArray screenshot();
    // Events received so far (Page.loadEventFired, Runtime.consoleAPICalled, ...).
    QList<QJsonObject> events(const QString &method) const;
    // What the page wrote with console.* and threw as uncaught exceptions, one per line.
    QString consoleText() const;

private:
    QWebSocket m_socket;
    int m_nextId = 1;
    QList<QJsonObject> m_received;
};

// `text` as a JavaScript string literal, to put into an expression for evaluate().
QString jsString(const QString &text);

// What an injected `<img src=x onerror=alert(1)>` left in the page: <img> elements made from it
// plus the alerts it raised (pages under test count them in window.__alerted). 0 when shown as
// text.
int injectedImageTraces(CdpClient &page);

// Screenshots of the page at the office PC's 1366×768 and at 1920×1080, saved as
// DIR/NAME-WxH.png; the viewport is 1366×768 again afterwards. False when one failed.
bool saveOfficeScreenshots(CdpClient &page, const QString &directory, const QString &name);

} // namespace chamber::testing
