"""Run the command line: ``python -m secretspeech``."""

from secretspeech._cli import main


raise SystemExit(main())
