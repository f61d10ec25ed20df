Console.WriteLine("mentornudge: the local host is not built yet.");
return 0;
