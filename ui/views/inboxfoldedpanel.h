#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace fermata {

class HeldTally;

// The folded Inbox: counts only ("12 held from 4 sources · next check-in 14:00"), the sources
// with their counts, and a deliberate "Peek early…" button. No titles, no senders: reading
// them is what the check-in window is for — except who of the team wrote, which is who
// the person recognises ("Alice 2" rather than "team 2").
class InboxFoldedPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit InboxFoldedPanel(QWidget *parent = nullptr);

    // `nextCheckIn` is already worded ("14:00", "tomorrow 09:00"); empty when none is set.
    // `bySender` splits one source by sender (teammates' messages: "Alice 2", not "team 2").
    void setSummary(const HeldTally &held, const QString &nextCheckIn,
                    const QString &splitSource = {}, const QList<std::pair<QString, int>> &bySender = {});
    QString groupsText() const;
    QString summaryText() const;
    QPushButton *peekButton() const { return m_peek; }

Q_SIGNALS:
    void peekRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QWidget *m_column = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_next = nullptr;
    QString m_summaryText;
    QLabel *m_sources = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_peek = nullptr;
};

} // namespace fermata
