import CodesService
print("codes-service: pending")
