#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace fermata {

// An inline strip at the foot of the centre area (it never pushes the view down) for errors (stay until dismissed) and short
// confirmations (fade after a few seconds). Never a modal dialog.
class MessageBar final : public QWidget
{
    Q_OBJECT
public:
    enum class Kind { Info, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text);
    void showError(const QString &text) { showMessage(Kind::Error, text); }
    void showInfo(const QString &text) { showMessage(Kind::Info, text); }
    // A message with one action button ("Re-plan"); stays until dismissed or acted on.
    void showAction(const QString &text, const QString &actionText);
    QPushButton *actionButton() const { return m_action; }
    void dismiss();

    QString text() const;
    Kind kind() const { return m_kind; }

Q_SIGNALS:
    void actionTriggered();
    // The person closed a message that offered an action (declined "Re-plan"): what it said.
    void actionDeclined(const QString &text, const QString &actionText);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Kind m_kind = Kind::Info;
    QLabel *m_label = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
    QTimer *m_autoHide = nullptr;
};

} // namespace fermata
