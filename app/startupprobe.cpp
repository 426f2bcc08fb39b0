#include "startupprobe.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>

namespace fermata {

bool StartupProbe::isRequested()
{
    return qEnvironmentVariableIntValue("FERMATA_STARTUP_PROBE") == 1;
}

StartupProbe::StartupProbe(QWidget *window)
    : QObject(window)
{
    window->installEventFilter(this);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_reported) {
        m_reported = true;
        // Report after this paint has been flushed to the screen.
        QTimer::singleShot(0, this, [] {
            std::printf("first-frame peak-rss-kb=%ld\n", peakResidentKiB());
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }
    return QObject::eventFilter(watched, event);
}

long peakResidentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // /proc files report size 0, so read to the end instead of asking atEnd().
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return -1;
}

} // namespace fermata
