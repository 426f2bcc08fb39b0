#pragma once

#include <QObject>

class QWidget;

namespace fermata {

// For the start-up benchmark (FERMATA_STARTUP_PROBE=1): once the main window has painted
// its first frame, prints "first-frame peak-rss-kb=N" on stdout and quits the app.
class StartupProbe final : public QObject
{
    Q_OBJECT
public:
    static bool isRequested();
    explicit StartupProbe(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool m_reported = false;
};

// The process's peak resident set size in KiB (VmHWM), or -1 where unknown.
long peakResidentKiB();

} // namespace fermata
