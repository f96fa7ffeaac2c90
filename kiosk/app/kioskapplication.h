// chamber-kiosk assembled: translations, fonts, the QML engine, and live or self-test mode.
#pragma once

#include "kioskoptions.h"
#include "kioskstate.h"

#include <QObject>
#include <QQmlApplicationEngine>
#include <QTranslator>

namespace chamber::kiosk {

class KioskApplication : public QObject
{
    Q_OBJECT

public:
    explicit KioskApplication(KioskOptions options, QObject *parent = nullptr);
    ~KioskApplication() override;

    // Loads the UI and runs the event loop; returns the process's exit code.
    int run();

    // The demo meeting for self-tests and screenshots, as a device of `role` sees it, in one
    // of the scenes of demo-state.json (agenda, speech, vote, voted, result).
    static Status showDemo(
        KioskState &state, const QString &role, const QString &scene = QStringLiteral("agenda"));

private:
    void switchLanguage(const QString &language);
    void finishSelfTest();

    KioskOptions m_options;
    KioskState m_state {nullptr};
    QQmlApplicationEngine m_engine;
    QTranslator m_translator;
};

// Counts QML warnings and errors (a self-test fails on any); installed by run().
int qmlProblemCount();

} // namespace chamber::kiosk
