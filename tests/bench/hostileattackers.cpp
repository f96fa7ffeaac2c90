// The attackers' process of the hostile-load benchmark: two thousand idle connections,
// slowloris, huge heads and bodies and the flooding tablet, on commands from the benchmark.
// A process of its own, so the honest tablets' event loop does not share their sockets.
#include "drivenprocess.h"
#include "hostileclients.h"

#include <memory>

namespace chamber::bench::hostile {

namespace {

struct Attack
{
    std::unique_ptr<IdleConnections> idle;
    std::unique_ptr<Slowloris> slowloris;
    std::unique_ptr<HugeSenders> huge;
    std::unique_ptr<FloodingTablet> flooder;

    QJsonObject status() const
    {
        return {{QStringLiteral("event"), QStringLiteral("status")},
            {QStringLiteral("idle_connected"), idle->connected()},
            {QStringLiteral("slowloris_in_place"), slowloris->inPlace()},
            {QStringLiteral("huge_in_place"), huge->inPlace()},
            {QStringLiteral("flooder_in_place"), flooder && flooder->inPlace()},
            {QStringLiteral("idle_ever"), idle->everInPlace()},
            {QStringLiteral("slowloris_ever"), slowloris->everInPlace()},
            {QStringLiteral("huge_ever"), huge->everInPlace()},
            {QStringLiteral("flooder_ever"), flooder && flooder->everInPlace()},
            {QStringLiteral("idle"), idle->counters().json()},
            {QStringLiteral("slowloris"), slowloris->counters().json()},
            {QStringLiteral("huge"),
                [this] {
                    QJsonObject counters = huge->counters().json();
                    counters.insert(QStringLiteral("rounds"), huge->rounds());
                    return counters;
                }()},
            {QStringLiteral("flooder"), flooder ? flooder->json() : QJsonObject()}};
    }
};

} // namespace

int attackerProcess()
{
    StdinCommands input;
    std::unique_ptr<Attack> attack;
    for (QJsonObject command = input.next(); !command.isEmpty(); command = input.next()) {
        const QString what = command.value(QLatin1String("cmd")).toString();
        const auto number
            = [&command](const char *name) { return command.value(QLatin1String(name)).toInt(); };
        if (what == QLatin1String("start") && !attack) {
            const Target target {QHostAddress(command.value(QLatin1String("host")).toString()),
                quint16(number("port"))};
            attack = std::make_unique<Attack>();
            attack->idle = std::make_unique<IdleConnections>(
                target, number("idle"), number("idle_per_address"));
            attack->slowloris = std::make_unique<Slowloris>(
                target, number("slowloris"), number("slowloris_per_address"));
            attack->huge = std::make_unique<HugeSenders>(target, number("huge_headers"),
                number("huge_bodies"),
                qint64(command.value(QLatin1String("header_mib")).toDouble() * 1024 * 1024),
                qint64(command.value(QLatin1String("body_mib")).toDouble() * 1024 * 1024),
                number("huge_per_address"));
            const QString credential = command.value(QLatin1String("flood_credential")).toString();
            if (!credential.isEmpty())
                attack->flooder = std::make_unique<FloodingTablet>(target,
                    QHostAddress(QStringLiteral("127.0.5.1")), credential,
                    command.value(QLatin1String("flood_delegate")).toInteger(),
                    command.value(QLatin1String("flood")).toString());
            attack->idle->start();
            attack->slowloris->start();
            attack->huge->start();
            if (attack->flooder)
                attack->flooder->start();
            answer({{QStringLiteral("event"), QStringLiteral("started")}});
        } else if (what == QLatin1String("status") && attack) {
            answer(attack->status());
        } else if (what == QLatin1String("stop") && attack) {
            // What happened, before stopping counts our own aborts as cuts.
            QJsonObject status = attack->status();
            // Everything at once, as when the attacking machine goes away.
            attack->idle->stop();
            attack->slowloris->stop();
            attack->huge->stop();
            if (attack->flooder)
                attack->flooder->stop();
            status.insert(QStringLiteral("event"), QStringLiteral("stopped"));
            answer(status);
        } else if (what == QLatin1String("quit")) {
            break;
        }
    }
    return 0;
}

} // namespace chamber::bench::hostile
