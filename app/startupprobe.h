#pragma once

#include <QObject>

#include <functional>

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

// Runs `then` once, just after `window` has painted its first frame, so work the first view
// does not need stays off the critical path. A queued call (singleShot(0)) after show() runs
// before the expose arrives, so it is not enough. Falls back to a timer should no paint come
// (a window that stays hidden or unmapped), so the work is never lost.
class AfterFirstPaint final : public QObject
{
    Q_OBJECT
public:
    AfterFirstPaint(QWidget *window, std::function<void()> then);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void run();

    std::function<void()> m_then;
};

// The process's peak resident set size in KiB (VmHWM), or -1 where unknown.
long peakResidentKiB();

} // namespace fermata
