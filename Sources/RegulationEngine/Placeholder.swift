import TeukguCore
