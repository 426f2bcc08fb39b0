#pragma once
// Placeholder: the UI layer fills this in (status chip text for the top bar and tray).
