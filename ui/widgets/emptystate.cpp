#include "widgets/emptystate.h"

#include "widgets/palettecolors.h"

#include <QEvent>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace fermata {

EmptyState::EmptyState(const QIcon &icon, const QString &title, const QString &text,
                       QWidget *parent)
    : QWidget(parent)
    , m_column(new QWidget(this))
    , m_icon(new QLabel(m_column))
    , m_title(new QLabel(title, m_column))
    , m_text(new QLabel(text, m_column))
{
    setAccessibleName(title);
    setAccessibleDescription(text);

    m_icon->setPixmap(icon.pixmap(QSize(48, 48), QIcon::Disabled));
    m_icon->setAlignment(Qt::AlignCenter);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);

    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *column = new QVBoxLayout(m_column);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(10);
    column->addWidget(m_icon);
    column->addWidget(m_title);
    column->addWidget(m_text);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addStretch(2);
    layout->addWidget(m_column, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    applyColors();
}

QString EmptyState::title() const
{
    return m_title->text();
}

void EmptyState::setTitle(const QString &title)
{
    m_title->setText(title);
    setAccessibleName(title);
}

QString EmptyState::text() const
{
    return m_text->text();
}

void EmptyState::setText(const QString &text)
{
    m_text->setText(text);
    setAccessibleDescription(text);
}

void EmptyState::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void EmptyState::resizeEvent(QResizeEvent *event)
{
    // A readable measure: about 60 characters per line, narrower when the view is.
    constexpr int preferredWidth = 440;
    m_column->setFixedWidth(qMax(120, qMin(preferredWidth, width() - 48)));
    QWidget::resizeEvent(event);
}

void EmptyState::applyColors()
{
    QPalette muted = m_text->palette();
    muted.setColor(QPalette::WindowText, PaletteColors::mutedText(palette()));
    m_text->setPalette(muted);
}

} // namespace fermata
