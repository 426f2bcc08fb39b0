#pragma once

#include <QWidget>

class QDateTime;
class QLabel;
class QPlainTextEdit;
class QTimeZone;

namespace fermata {

struct InboxItem;

// The Inbox's reading pane: the selected item whole — title, who sent it from where, when it
// came and was shown, why it was held or let through, and its body. Everything a notification
// carries is shown as plain text, never as rich text: the sender controls it.
class InboxReadingPane final : public QWidget
{
    Q_OBJECT
public:
    explicit InboxReadingPane(QWidget *parent = nullptr);

    // `count`: how many items the selected row collapses (the newest is shown).
    void showItem(const InboxItem &item, int count, const QTimeZone &zone, const QDateTime &now);
    // A group row: what acting on it would touch.
    void showGroup(const QString &source, const QString &sender, int count);
    // Nothing or several rows selected.
    void showNothing(int selectedRows = 0);

    QString titleText() const;
    QString fromText() const;
    QString timesText() const;
    QString reasonText() const;
    QString bodyText() const;
    QString placeholderText() const;
    bool isShowingItem() const;

private:
    void setItemVisible(bool visible);

    QLabel *m_placeholder = nullptr;
    QWidget *m_item = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_from = nullptr;
    QLabel *m_times = nullptr;
    QLabel *m_reason = nullptr;
    QPlainTextEdit *m_body = nullptr;
};

} // namespace fermata
