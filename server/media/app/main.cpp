// chamber-media: the programme for the video bridges, as a child process of chamberd.
#include "media/app/mediaoptions.h"
#include "media/app/stdiochannel.h"
#include "media/gstsupport.h"
#include "media/peerrouter.h"
#include "media/programme.h"
#include "support/log.h"

#include <QCoreApplication>

#include <cstdio>
#include <unistd.h>

int main(int argc, char **argv)
{
    using namespace chamber::media;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("chamber-media"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CHAMBER_VERSION));

    QString usage;
    auto options = parseMediaOptions(app.arguments().mid(1), &usage);
    if (!options) {
        if (options.error().message.isEmpty()) {
            std::fputs(qPrintable(usage), stdout);
            return 0;
        }
        std::fprintf(stderr, "chamber-media: %s\n%s", qPrintable(options.error().message),
            qPrintable(usage));
        return 2;
    }
    if (options->listElements) {
        for (const QString &element : programmeElementCatalog())
            std::printf("%s\n", qPrintable(element));
        return 0;
    }
    // stdout carries signaling only; logs go to stderr, as JSON lines for the supervisor.
    chamber::log::installMessageHandler(
        ::isatty(STDERR_FILENO) ? chamber::log::Format::Text : chamber::log::Format::Json);
    initGStreamer();
    StdioChannel channel;
    auto sender = ProgrammeSender::create(options->programme);
    if (!sender) {
        channel.send(SignalMessage::failure({}, sender.error()));
        std::fprintf(stderr, "chamber-media: %s\n", qPrintable(sender.error().message));
        return 1;
    }
    ProgrammeSender &programme = **sender;
    programme.setMaxPeers(options->maxPeers);
    // Scale-out: bridges beyond --janus-above go through Janus; without --janus all are direct.
    PeerRouter router(&programme, options->programme, options->scaleOut);
    QObject::connect(&router, &PeerRouter::outgoing, &channel, &StdioChannel::send);
    QObject::connect(&programme, &ProgrammeSender::pipelineFailed, &app, [&](const auto &error) {
        channel.send(SignalMessage::failure({}, error));
        // The supervisor restarts the process; a programme without its source is no use.
        QCoreApplication::exit(1);
    });
    QObject::connect(&channel, &StdioChannel::received, &router, [&](const SignalMessage &message) {
        auto handled = router.handle(message);
        if (handled)
            return;
        const bool recording
            = message.type == SignalType::RecordStart || message.type == SignalType::RecordStop;
        channel.send(recording ? SignalMessage::recordError(message.recording, handled.error())
                               : SignalMessage::failure(message.peer, handled.error()));
    });
    // Recording per speech. A directory that cannot be used leaves the programme running
    // without it: every record-start is then answered with a record-error.
    if (!options->recordingsDirectory.isEmpty()) {
        if (auto enabled = programme.enableRecording(options->recordingsDirectory); !enabled) {
            qWarning().noquote() << "recording is off:" << enabled.error().message;
            channel.send(SignalMessage::failure({}, enabled.error()));
        }
    }
    // The parent is gone: Janus mountpoints are taken down first (immediate without Janus).
    QObject::connect(&channel, &StdioChannel::closed, &app,
        [&] { router.stop([] { QCoreApplication::quit(); }); });
    // Ready once every Janus is up or has failed once: add-peers then find them.
    QObject::connect(
        &router, &PeerRouter::settled, &channel, [&] { channel.send(SignalMessage::ready()); });
    router.start();
    return app.exec();
}
