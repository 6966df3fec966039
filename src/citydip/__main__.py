from citydip.cli import main

main()
