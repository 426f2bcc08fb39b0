#pragma once

#include <QWidget>

class QLabel;
class QTimer;
class QToolButton;

namespace fermata {

// An inline strip at the top of the centre area for errors (stay until dismissed) and short
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
    void dismiss();

    QString text() const;
    Kind kind() const { return m_kind; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    Kind m_kind = Kind::Info;
    QLabel *m_label = nullptr;
    QToolButton *m_close = nullptr;
    QTimer *m_autoHide = nullptr;
};

} // namespace fermata
