#include "services/daystatus.h"
