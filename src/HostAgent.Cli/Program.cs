Console.WriteLine("hostagentctl");
