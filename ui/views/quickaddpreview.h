#pragma once

#include <QWidget>

class QLabel;
class QTimeZone;

namespace fermata {

class TaskService;
struct ParsedTask;

// Under the quick-add line: what Enter would add ("Adds “Write report” · 2 h · due Thu 10 Dec,
// 17:00 · P1"), and, before anything is added, whatever the line did not understand.
class QuickAddPreview final : public QWidget
{
    Q_OBJECT
public:
    explicit QuickAddPreview(const TaskService &tasks, QWidget *parent = nullptr);

    // Reads `text` as quick-add would at `now` in `zone`; hidden for an empty line.
    void preview(const QString &text, const QDateTime &now, const QTimeZone &zone);
    QString summaryText() const;
    // What was not understood, or why the line cannot be added; empty when all is well.
    QString problemText() const;

private:
    QString describe(const ParsedTask &parsed, const QDateTime &now, const QTimeZone &zone) const;
    void setTexts(const QString &summary, const QString &problem);

    const TaskService &m_tasks;
    QLabel *m_summary = nullptr;
    QLabel *m_problem = nullptr;
};

} // namespace fermata
