#include "workspacesession.h"

#include "browser.h"

namespace chamber::testing {

bool loginInPage(CdpClient &page, const QString &name, const QString &password)
{
    const QString script = QStringLiteral(
        "fetch('/api/v1/session', {method: 'POST', credentials: 'same-origin', headers: "
        "{'Content-Type': 'application/json'}, body: JSON.stringify({name: %1, password: %2})})"
        ".then(r => r.status)")
                               .arg(jsString(name), jsString(password));
    QString error;
    const int status = page.evaluate(script, 15000, &error).toInt();
    if (status != 200)
        qWarning("login as %s in the page: %d %s", qPrintable(name), status, qPrintable(error));
    return status == 200;
}

} // namespace chamber::testing
