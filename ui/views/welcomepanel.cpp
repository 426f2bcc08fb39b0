#include "views/welcomepanel.h"

#include "widgets/palettecolors.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fermata {

WelcomePanel::WelcomePanel(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(QStringLiteral("welcomePanel"));
    setAccessibleName(tr("Welcome"));
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(6);

    auto *heading = new QHBoxLayout;
    auto *title = new QLabel(tr("Welcome to Fermata"), this);
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    heading->addWidget(title);
    heading->addStretch(1);
    auto *skip = new QPushButton(tr("Skip"), this);
    skip->setObjectName(QStringLiteral("welcomeSkip"));
    skip->setToolTip(tr("Hide this welcome for good"));
    skip->setFlat(true);
    connect(skip, &QPushButton::clicked, this, &WelcomePanel::dismissed);
    heading->addWidget(skip);
    layout->addLayout(heading);

    auto *intro = new QLabel(tr("Three steps, and Fermata plans your focus time around your meetings and "
                                "holds interruptions until your check-ins."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *hours = new QPushButton(tr("Set Hours…"), this);
    hours->setObjectName(QStringLiteral("welcomeHours"));
    connect(hours, &QPushButton::clicked, this, &WelcomePanel::hoursRequested);
    layout->addWidget(addRow(Step::Hours, tr("Set your working hours and the check-in windows when you read messages"),
                             {hours}));

    auto *import = new QPushButton(tr("Import .ics…"), this);
    import->setObjectName(QStringLiteral("welcomeImport"));
    connect(import, &QPushButton::clicked, this, &WelcomePanel::importRequested);
    auto *subscribe = new QPushButton(tr("Subscribe…"), this);
    subscribe->setObjectName(QStringLiteral("welcomeSubscribe"));
    connect(subscribe, &QPushButton::clicked, this, &WelcomePanel::subscribeRequested);
    layout->addWidget(addRow(Step::Calendar, tr("Bring in your calendar, so focus time goes around your meetings"),
                             {import, subscribe}));

    QList<QPushButton *> exampleButtons;
    for (const QString &example : examples()) {
        auto *button = new QPushButton(example, this);
        button->setObjectName(QStringLiteral("welcomeExample"));
        button->setToolTip(tr("Put this into quick-add to try it"));
        connect(button, &QPushButton::clicked, this, [this, example] { Q_EMIT exampleChosen(example); });
        exampleButtons.append(button);
    }
    layout->addWidget(addRow(Step::Tasks, tr("Add your first tasks with quick-add, for example"), exampleButtons));
    applyColors();
}

QStringList WelcomePanel::examples()
{
    return {tr("Write the quarterly report 3h by fri"), tr("Review Ada's draft 30m tomorrow")};
}

QWidget *WelcomePanel::addRow(Step step, const QString &text, const QList<QPushButton *> &buttons)
{
    auto *row = new QWidget(this);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    Row &r = m_rows[int(step)];
    r.mark = new QLabel(row);
    r.mark->setFixedWidth(fontMetrics().horizontalAdvance(QStringLiteral("✓ ")) + 4);
    r.text = new QLabel(text, row);
    r.text->setWordWrap(true);
    layout->addWidget(r.mark);
    layout->addWidget(r.text, 1);
    for (QPushButton *button : buttons) {
        button->setAccessibleDescription(text);
        layout->addWidget(button);
    }
    setDone(step, false);
    return row;
}

void WelcomePanel::setDone(Step step, bool done)
{
    Row &r = m_rows[int(step)];
    r.done = done;
    r.mark->setText(done ? QStringLiteral("✓") : QStringLiteral("•"));
    r.mark->setAccessibleName(done ? tr("Done") : tr("To do"));
    QFont font = r.text->font();
    font.setStrikeOut(false);
    r.text->setFont(font);
    r.text->setEnabled(!done);
}

bool WelcomePanel::isDone(Step step) const
{
    return m_rows[int(step)].done;
}

void WelcomePanel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyColors();
}

void WelcomePanel::applyColors()
{
    QPalette p = palette();
    p.setColor(QPalette::Window, PaletteColors::accentTint(palette(), 0.10));
    setPalette(p);
}

} // namespace fermata
