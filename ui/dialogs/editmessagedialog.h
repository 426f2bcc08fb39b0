#pragma once

#include <QDialog>

class QLineEdit;
class QPlainTextEdit;

namespace fermata {

// Changes the subject and text of a message still held for its recipient.
class EditMessageDialog final : public QDialog
{
    Q_OBJECT
public:
    EditMessageDialog(const QString &recipient, const QString &subject, const QString &body,
                      QWidget *parent = nullptr);
    QString subject() const;
    QString body() const;

private:
    QLineEdit *m_subject = nullptr;
    QPlainTextEdit *m_body = nullptr;
};

} // namespace fermata
