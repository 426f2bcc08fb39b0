#include "dialogs/editmessagedialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace fermata {

EditMessageDialog::EditMessageDialog(const QString &recipient, const QString &subject, const QString &body,
                                     QWidget *parent)
    : QDialog(parent), m_subject(new QLineEdit(subject, this)), m_body(new QPlainTextEdit(body, this))
{
    setObjectName(QStringLiteral("editMessageDialog"));
    setWindowTitle(tr("Edit Message to %1").arg(recipient));
    m_subject->setObjectName(QStringLiteral("editSubject"));
    m_body->setObjectName(QStringLiteral("editBody"));
    m_body->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_subject, &QLineEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Save)->setEnabled(!m_subject->text().trimmed().isEmpty());
    });
    auto *form = new QFormLayout(this);
    form->addRow(tr("S&ubject:"), m_subject);
    form->addRow(tr("&Message:"), m_body);
    form->addRow(buttons);
    resize(480, 300);
}

QString EditMessageDialog::subject() const
{
    return m_subject->text().trimmed();
}

QString EditMessageDialog::body() const
{
    return m_body->toPlainText();
}

} // namespace fermata
