// The baseline for the broadcast benchmark: a bare TLS WebSocket server that sends every text
// frame straight back. Same Qt stack, same certificate and key as chamberd, none of its work.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSslKey>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption certificateOption(
        QStringLiteral("cert"), QStringLiteral("PEM certificate"), QStringLiteral("FILE"));
    const QCommandLineOption keyOption(
        QStringLiteral("key"), QStringLiteral("PEM private key"), QStringLiteral("FILE"));
    parser.addOptions({certificateOption, keyOption});
    parser.process(application);

    QFile certificateFile(parser.value(certificateOption));
    QFile keyFile(parser.value(keyOption));
    if (!certificateFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read certificate or key\n");
        return 1;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certificateFile.readAll()));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);

    QWebSocketServer server(QStringLiteral("echo"), QWebSocketServer::SecureMode);
    server.setSslConfiguration(tls);
    server.setMaxPendingConnections(10000);
    QObject::connect(&server, &QWebSocketServer::newConnection, &server, [&server] {
        while (QWebSocket *socket = server.nextPendingConnection()) {
            QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                [socket](const QString &text) { socket->sendTextMessage(text); });
            QObject::connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    if (!server.listen(QHostAddress::LocalHost, 0)) {
        std::fprintf(stderr, "cannot listen: %s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("listening %d\n", server.serverPort());
    std::fflush(stdout);
    return application.exec();
}
